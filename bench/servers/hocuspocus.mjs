// Hocuspocus (@hocuspocus/server 3.x), in memory with its defaults, on the
// port given (0 = any), printing it. With HOCUSPOCUS_REDIS_SOCKET, its Redis
// extension joins it to the other instances using that Redis (the cluster
// benchmark's comparison: bench/cluster.ts).
import { Server } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';

const socket = process.env.HOCUSPOCUS_REDIS_SOCKET;
const extensions = socket ? [new Redis({ options: { path: socket }, identifier: `bench-${process.pid}` })] : [];
const server = new Server({ port: Number(process.env.PORT || 0), address: '127.0.0.1', quiet: true, extensions });
await server.listen();
process.stdout.write(`listening on http://127.0.0.1:${server.address.port}\n`);
