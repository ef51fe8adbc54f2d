// The reference relay: y-websocket@1.5.4's bundled server utilities
// (installed as y-websocket-reference), in memory, as its bin/server.js runs
// them, but listening on the port given (0 = any) and printing it.
const http = require('node:http');
const { WebSocketServer } = require('ws');
const { setupWSConnection } = require('y-websocket-reference/bin/utils');

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((_request, response) => response.end('okay'));
server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)));
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
