import { Tracer } from '@aws-lambda-powertools/tracer';

let containerTracer: Tracer | undefined;

/**
 * The function's Powertools Tracer, one per container (its service name from POWERTOOLS_SERVICE_NAME, as the
 * logger's). It is on only on Lambda with tracing on: outside Lambda (npm start, the tests, the CLI) Powertools
 * turns it off itself, and it then neither reaches for an X-Ray daemon nor complains of a missing segment.
 */
export function functionTracer(): Tracer {
  // Only the SDK clients are traced: HTTP captured globally would trace each SDK call twice.
  containerTracer ??= new Tracer({ captureHTTPsRequests: false });
  return containerTracer;
}

/** An SDK client whose every call is a subsegment of the invocation's trace when tracing is on; else the client as it is. */
export function traced<Client>(client: Client, tracer: Tracer = functionTracer()): Client {
  return tracer.captureAWSv3Client(client);
}
