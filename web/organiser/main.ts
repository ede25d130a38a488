// The organiser page: still to be built (issue 5); until then it says so and links to the verifier.
import { placeholderPage } from '../shared/placeholder.ts';

placeholderPage('organiser.title');
