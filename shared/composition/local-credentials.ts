/** Local emulators accept any credentials; on AWS the SDK's default chain (the function's role) is used. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
