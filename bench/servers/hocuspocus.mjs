// Hocuspocus (@hocuspocus/server 3.x), in memory with its defaults, on the
// port given (0 = any), printing it.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT || 0), address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write(`listening on http://127.0.0.1:${server.address.port}\n`);
