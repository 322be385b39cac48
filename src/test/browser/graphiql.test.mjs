// Opens GraphiQL in headless Chromium, runs a signed-in query and a signed-in subscription, and checks that no
// request leaves the machine. Run by GraphiQlBrowserTests: node graphiql.test.mjs <base URL> <bearer token>.
// Prints one line per check and exits non-zero on the first failure.
import { chromium } from 'playwright-core';

const [base, token] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const local = (url) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
const outside = [];

function check(condition, what) {
  if (!condition) {
    throw new Error('FAILED: ' + what);
  }
  console.log('ok - ' + what);
}

async function graphql(query) {
  const response = await fetch(base + '/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

async function setQuery(page, query) {
  await page.evaluate((text) => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(text),
    query);
}

async function result(page) {
  return page.evaluate(() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue());
}

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    if (local(route.request().url())) {
      return route.continue();
    }
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const sockets = [];
  const frames = [];
  page.on('websocket', (socket) => {
    sockets.push(socket.url());
    socket.on('framesent', (frame) => frames.push('→ ' + String(frame.payload).slice(0, 200)));
    socket.on('framereceived', (frame) => frames.push('← ' + String(frame.payload).slice(0, 200)));
    socket.on('close', () => frames.push('closed'));
  });
  page.on('console', (message) => frames.push('console: ' + message.text()));
  page.on('pageerror', (error) => frames.push('page error: ' + error.message));
  // the Headers tab, as a person would fill it in, kept by GraphiQL in local storage
  await page.addInitScript((authorization) => {
    localStorage.setItem('graphiql:headers', JSON.stringify({ Authorization: authorization }, null, 2));
  }, 'Bearer ' + token);
  await page.goto(base + '/graphiql');
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 30000 });
  check(true, 'GraphiQL loads');

  await setQuery(page, '{ users { username role } }');
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()
    .includes('username'), null, { timeout: 30000 });
  const users = JSON.parse(await result(page));
  check(users.data && users.data.users.some((u) => u.role === 'ADMIN'), 'a signed-in query answers with data');

  await setQuery(page, 'subscription { heartbeat(seconds: 1) }');
  await page.click('.graphiql-execute-button');
  const beats = await page.waitForFunction(() => (document.querySelector('.result-window .CodeMirror').CodeMirror
    .getValue().match(/"heartbeat"/g) || []).length > 0, null, { timeout: 30000 }).then(() => true, () => false);
  const event = await result(page);
  const init = frames.find((frame) => frame.includes('"connection_init"')) || '';
  check(beats && /\+08:00/.test(event) && init.includes('"Authorization":"Bearer '),
    'a subscription streams over the WebSocket, signed in through connection_init: ' + event.replace(/\s+/g, ' ')
    + '\n' + frames.join('\n'));
  check(sockets.length > 0 && sockets.every(local), 'the WebSocket is the service\'s own: ' + sockets.join(' '));
  await page.click('.graphiql-execute-button');
  check(outside.length === 0, 'no request leaves the machine' + (outside.length ? ': ' + outside.join(' ') : ''));
  console.log('browser test: 4 passed, 0 failed');
}
finally {
  await browser.close();
}
