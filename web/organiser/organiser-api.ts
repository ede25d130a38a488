// The organiser's calls, through the typed client (web/shared/client.ts) with the session of
// web/shared/session.ts: the cookie, and the anti-forgery token on every call.
import { signedIn } from '../shared/session.ts';

export { answer } from '../shared/client.ts';
export { currentSession, logIn, signedIn } from '../shared/session.ts';

/** One meeting's routes: call them with `{ param: { id } }`. */
export const meetingApi = signedIn.meetings[':id'];
