/**
 * The subscription for useSyncExternalStore reading a fact of the browser that does not change while the page is
 * open (scripts run, WebAuthn is there): the server snapshot answers for the server and pages without scripts.
 */
export const noSubscription = () => () => {};
