import { runNativeHost } from './host';

// Entry point of the native-messaging host process (see install.ts for how Chrome finds it).
// Nothing but frames may reach stdout: Chrome reads it as the message stream.
console.log = console.error;
const code = await runNativeHost({ argv: process.argv.slice(2), stdin: process.stdin, stdout: process.stdout });
// Exit once the last frame is flushed, even while Chrome still holds our stdin open.
process.stdout.write('', () => process.exit(code));
