export { Approvals, APPROVAL_TIMEOUT_MS } from './approvals';
export { ExtensionSession, type ExtensionGateway, type ExtensionPolicy, type ExtensionSender, type ExtensionSendRequest } from './extension-session';
export { startExtensionLink, type ExtensionLink } from './link-server';
export { ASSOCIATION_TTL_MS, PairingStore, type Association } from './pairings';
export { EXTENSION_SEND_LIMITS, PAIRING_PROMPT_LIMITS, RateLimiter } from './rate-limit';
export { extensionSocketPath } from './socket-path';
export { ToldReplies } from './told-replies';
