// The response-time rule of the leads inbox. Agencies that never answer are what
// investors complain about most, so a NEW lead nobody contacted within this many
// days is shown as overdue (in words and in red) to the agency, and the agency's
// share of leads answered within it is the figure at the top of the inbox.
export const LEAD_RESPONSE_DAYS = 3;
export const LEAD_RESPONSE_MS = LEAD_RESPONSE_DAYS * 24 * 60 * 60 * 1000;
