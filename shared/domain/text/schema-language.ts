import * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * zod/mini (a tenth of zod's classic build in a Lambda bundle) speaks no language until told: every module that
 * declares a schema imports this once, so that what it rejects is explained in English ("Too small: expected
 * string to have >=1 characters"), as the classic build would.
 */
z.config(en());
