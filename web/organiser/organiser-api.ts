// The organiser's calls, through the typed client (web/shared/client.ts) with the session of
// web/shared/session.ts: the cookie, and the anti-forgery token on every call.
import { signedIn } from '../shared/session.ts';

export { answer } from '../shared/client.ts';
export { currentSession, logIn } from '../shared/session.ts';

/** The API as the organiser's session calls it. */
export const organiserApi = signedIn;

/** One meeting's routes: call them with `{ param: { id } }`. */
export const meetingApi = organiserApi.meetings[':id'];
