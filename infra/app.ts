import { App } from 'aws-cdk-lib';
import { defineRedress } from './redress-app.js';

const app = new App();
defineRedress(app);
app.synth();
