// The ScaleUp extension: starts `scaleup lsp` for the Lua files of a
// scenario folder. Everything it knows comes from the server.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('scaleup').get('path') || 'scaleup';
  client = new LanguageClient('scaleup', 'ScaleUp scenarios',
    { command, args: ['lsp'] },
    { documentSelector: [{ scheme: 'file', language: 'lua' }] });
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
