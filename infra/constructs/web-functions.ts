import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccountRecovery, CfnUserPoolGroup, FeaturePlan, Mfa, OAuthScope, UserPool, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { PolicySet } from '#domain/policy/policy-set';
import type { House } from '../house.js';
import { acknowledge } from '../nag.js';
import { RedressFunction } from '../redress-function.js';
import type { FrontDoor } from './front-door.js';
import type { Monitoring } from './monitoring.js';
import type { Storage } from './storage.js';

export interface WebFunctionsProps {
  readonly house: House;
  readonly storage: Storage;
  readonly monitoring: Monitoring;
  readonly frontDoor: FrontDoor;
  readonly policies: PolicySet;
  /** The Cognito sign-in domain's prefix (globally unique in the region); "<stack name>-<account>" by default. */
  readonly signInDomainPrefix?: string;
}

/**
 * What the front door serves, each part its own function with only its own permissions: the complaint form, the
 * complainant's own page, and the staff console behind Cognito's managed sign-in.
 */
export class WebFunctions extends Construct {
  readonly form: RedressFunction;
  readonly page: RedressFunction;
  readonly console: RedressFunction;
  readonly reports: RedressFunction;
  readonly heldRelease: RedressFunction;

  constructor(scope: Construct, id: string, props: WebFunctionsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { house, storage, frontDoor, monitoring } = props;
    const secret = (secretId: string, description: string) => {
      const made = new Secret(this, secretId, { description, encryptionKey: house.key, generateSecretString: { passwordLength: 48, excludePunctuation: true } });
      acknowledge(made, 'SMG4', 'A random 48-character signing key, not a credential to another system: rotating it means a new value by put-secret-value (README) and the functions picking it up on their next cold start; a rotation function would add a moving part and nothing it protects.');
      return made;
    };

    // The web form: cases and rate limits in the table, the secret that signs fill times. No bucket, no SES.
    this.form = new RedressFunction(this, 'ComplaintForm', {
      handlerModule: 'complaint-form',
      house,
      serviceName: 'redress-complaint-form',
      description: 'Web complaint form -> case, acknowledgement and staff notice',
      timeout: Duration.seconds(15),
    });
    this.form.bindCases(storage.table).bindSecret('REDRESS_FORM_SECRET_ARN', secret('FormSecret', 'Signs the complaint form start time (minimum fill time)'));
    frontDoor.route('ComplaintFormIntegration', this.form, [
      { path: '/forms/{policyId}', methods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS] },
      { path: '/forms/{policyId}/token', methods: [HttpMethod.GET] },
    ], 'Anyone may complain: the form is public by design, guarded by the fill-time token, per-IP and per-organisation limits and the stage throttle.');

    // The complainant's own page: what a complainant sends is kept beside raw mail, and like it never deleted by
    // the function that took it.
    this.page = new RedressFunction(this, 'ComplainantPage', {
      handlerModule: 'complainant-page',
      house,
      serviceName: 'redress-complainant-page',
      description: "The complainant's own page: status, letters, more information, asking for the next stage",
      timeout: Duration.seconds(15),
    });
    this.page.bindCases(storage.table).bindRawMail(storage.rawMail, 'store');
    frontDoor.route('ComplainantPageIntegration', this.page, [
      { path: '/cases/{token}', methods: [HttpMethod.GET] },
      { path: '/cases/{token}/information', methods: [HttpMethod.POST] },
      { path: '/cases/{token}/review', methods: [HttpMethod.POST] },
      { path: '/confirm/{reference}/{token}', methods: [HttpMethod.GET, HttpMethod.POST] },
    ], "The complainant's page is reached by the unguessable key in its link (128 bits, stored only as a hash), as the letters promise; there is no account to sign in to. The confirm page of a typed address likewise, by the 256-bit token only its letter carries.");

    // The staff console: no self sign-up (an operator adds staff), MFA by authenticator app required, one group
    // per role of each policy ("<policy-id>:<role>") and "operator".
    const staff = new UserPool(this, 'Staff', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { fullname: { required: false, mutable: true } },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(staff, 'COG8', "The Plus tier's threat protection is charged per active user on top of Essentials; staff sign in with MFA required, no self sign-up and a 12-character password with symbols. An organisation that wants it sets the feature plan.");
    const groups = [
      ...props.policies.all.flatMap((p) => p.roles.map((r) => ({ name: `${p.id}:${r.id}`, description: `${r.title}, ${p.organisation.name}` }))),
      { name: 'operator', description: 'Runs the deployment: held mail across organisations, no case content' },
    ];
    groups.forEach((g, i) => new CfnUserPoolGroup(this, `StaffGroup${i}`, { userPoolId: staff.userPoolId, groupName: g.name, description: g.description.slice(0, 2048) }));
    // One per deployment: two stacks in one account (one per organisation) each get their own sign-in domain.
    const signIn = staff.addDomain('StaffSignIn', { cognitoDomain: { domainPrefix: props.signInDomainPrefix ?? `${stack.stackName.toLowerCase()}-${stack.account}` } });
    const client = staff.addClient('Console', {
      generateSecret: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${frontDoor.publicUrl}/console/callback`],
        logoutUrls: [`${frontDoor.publicUrl}/console/signed-out`],
      },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(8),
    });
    const clientSecret = new Secret(this, 'ConsoleClientSecret', { description: "The Cognito app client's secret, for the console's sign-in", encryptionKey: house.key, secretStringValue: client.userPoolClientSecret });
    acknowledge(clientSecret, 'SMG4', "A copy of the Cognito app client's secret, which Cognito sets: it changes when the client does (a redeploy with a new client), not by Secrets Manager rotation.");
    this.console = new RedressFunction(this, 'StaffConsole', {
      handlerModule: 'staff-console',
      house,
      serviceName: 'redress-staff-console',
      description: 'The staff console: sign-in, the morning view, cases and every workflow action',
      timeout: Duration.seconds(15),
      environment: {
        REDRESS_OIDC_ISSUER: `https://cognito-idp.${stack.region}.amazonaws.com/${staff.userPoolId}`,
        REDRESS_OIDC_CLIENT_ID: client.userPoolClientId,
        REDRESS_OIDC_GROUPS_CLAIM: 'cognito:groups',
        REDRESS_OIDC_LOGOUT_URL: `${signIn.baseUrl()}/logout`,
      },
    });
    const sessionSecret = secret('ConsoleSessionSecret', "Signs the console's session cookies");
    // Every console page has the sign-out form, answered with a redirect to Cognito's logout: each part's CSP names it.
    const signOutTo = { REDRESS_OIDC_LOGOUT_URL: `${signIn.baseUrl()}/logout` };
    const signedInByTheConsole = "The console signs staff in itself (Cognito's code flow, then a signed session cookie checked on every request, with CSRF tokens on every form); an API Gateway JWT authoriser cannot read a cookie session.";
    // Reading raw mail is only to sign the links to its files that the browser fetches from S3 itself; storing is
    // for a file staff add to a case (a scanned letter), beside email attachments, deleted again if refused.
    this.console
      .bindCases(storage.table)
      .bindRawMail(storage.rawMail, 'read', 'store', 'discard-oversize-attachments')
      .bindSecret('REDRESS_OIDC_CLIENT_SECRET_ARN', clientSecret)
      .bindSecret('REDRESS_SESSION_SECRET_ARN', sessionSecret);
    frontDoor.route('StaffConsoleIntegration', this.console, [
      { path: '/console', methods: [HttpMethod.GET] },
      { path: '/console/{proxy+}', methods: [HttpMethod.GET, HttpMethod.POST] },
    ], signedInByTheConsole);

    // The board's reports, on the console's session: the charts load here and nowhere else. It reads cases (and
    // notes each monitoring export on their timelines); it has no bucket and signs nobody in.
    this.reports = new RedressFunction(this, 'ConsoleReports', {
      handlerModule: 'console-reports',
      house,
      serviceName: 'redress-console-reports',
      description: "The staff console's annual reports and monitoring export",
      timeout: Duration.seconds(30),
      environment: signOutTo,
    });
    this.reports.bindCases(storage.table).bindSecret('REDRESS_SESSION_SECRET_ARN', sessionSecret);
    frontDoor.route('ConsoleReportsIntegration', this.reports, [
      { path: '/console/reports/{policy}', methods: [HttpMethod.GET] },
      { path: '/console/reports/{policy}/monitoring', methods: [HttpMethod.GET] },
    ], signedInByTheConsole);

    // Releasing held mail, on the console's session: it alone parses raw mail there, reading the message and
    // storing its attachments beside it (an oversize copy goes again), never deleting the message itself.
    this.heldRelease = new RedressFunction(this, 'HeldRelease', {
      handlerModule: 'held-release',
      house,
      serviceName: 'redress-held-release',
      description: 'Releases held mail into a case from the staff console',
      timeout: Duration.seconds(30),
      environment: signOutTo,
    });
    this.heldRelease
      .bindCases(storage.table)
      .bindRawMail(storage.rawMail, 'read', 'store', 'discard-oversize-attachments')
      .bindSecret('REDRESS_SESSION_SECRET_ARN', sessionSecret);
    frontDoor.route('HeldReleaseIntegration', this.heldRelease, [{ path: '/console/held/{id}/release', methods: [HttpMethod.POST] }], signedInByTheConsole);
    new CfnOutput(stack, 'ConsoleUrl', { description: 'The staff console', value: `${frontDoor.publicUrl}/console` });
    new CfnOutput(stack, 'StaffUserPoolId', { description: 'Add staff here (see the README)', value: staff.userPoolId });

    monitoring.watchFunction('ComplaintForm', this.form);
    monitoring.watchFunction('ComplainantPage', this.page);
    monitoring.watchFunction('StaffConsole', this.console);
    monitoring.watchFunction('ConsoleReports', this.reports);
    monitoring.watchFunction('HeldRelease', this.heldRelease);
    monitoring.alarm('ApiServerErrorsAlarm', frontDoor.api.metricServerError(), 'The front door answered with server errors (5xx): a complainant or staff member saw a failure; see the functions’ logs');
  }
}
