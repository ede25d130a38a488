// The pages the one-time links open: setup (`/setup#<token>`), where the admin chooses a password, and an
// invitation (`/invite#<token>`), where the invitee names the account and chooses a password. The token
// stays in the URL fragment, which browsers never send; the scripts post it to /api/auth/setup or
// /api/auth/invitation.
import { Hono } from 'hono';

const page = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>phieukin: thiết lập / setup</title>
<style>
body { font: 18px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 2rem auto; padding: 0 1rem; }
label, input, button { display: block; width: 100%; box-sizing: border-box; }
input, button { font-size: 1.1rem; padding: .6rem; margin: .3rem 0 1rem; }
#status { font-weight: 600; }
</style>
</head>
<body>
<h1>Thiết lập người tổ chức <small>/ Organiser setup</small></h1>
<form id="setup">
<label for="p1">Mật khẩu mới (ít nhất 10 ký tự) / New password (10 characters or more)</label>
<input id="p1" type="password" autocomplete="new-password" minlength="10" required>
<label for="p2">Nhập lại / Repeat</label>
<input id="p2" type="password" autocomplete="new-password" minlength="10" required>
<button type="submit">Lưu / Save</button>
</form>
<p id="status" role="status"></p>
<script src="/setup.js"></script>
</body>
</html>`;

const script = `const form = document.getElementById('setup');
const status = document.getElementById('status');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const password = document.getElementById('p1').value;
  if (password !== document.getElementById('p2').value) {
    status.textContent = 'Hai mật khẩu không khớp / The passwords differ';
    return;
  }
  const token = location.hash.slice(1);
  const response = await fetch('/api/auth/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
  const body = await response.json();
  if (response.ok) {
    history.replaceState(null, '', '/setup');
    form.remove();
    status.textContent = 'Đã lưu mật khẩu; tài khoản: ' + body.account + ' / Password saved; account: ' + body.account + ' ';
    const next = document.createElement('a');
    next.id = 'continue';
    next.href = '/';
    next.textContent = 'Mở trang người tổ chức / Open the organiser console';
    status.append(next);
  } else {
    status.textContent = body.error.message;
  }
});`;

const invitePage = page
  .replace('thiết lập / setup', 'lời mời / invitation')
  .replace(
    '<h1>Thiết lập người tổ chức <small>/ Organiser setup</small></h1>\n<form id="setup">',
    '<h1>Nhận lời mời <small>/ Accept the invitation</small></h1>\n<form id="setup">\n<label for="account">Tên tài khoản (chữ, số, . _ -) / Account name (letters, digits, . _ -)</label>\n<input id="account" autocomplete="username" minlength="3" maxlength="60" required>',
  )
  .replace('/setup.js', '/invite.js');

const inviteScript = script
  .replace("'/api/auth/setup'", "'/api/auth/invitation'")
  .replace(
    'JSON.stringify({ token, password })',
    "JSON.stringify({ token, account: document.getElementById('account').value, password })",
  )
  .replace("'/setup'", "'/invite'")
  .replace(
    [
      "'Đã lưu mật khẩu; tài khoản: ' + body.account + ' / Password saved; account: ' + body.account + ' '",
      "const next = document.createElement('a')",
      "next.id = 'continue'",
      "next.href = '/'",
      "next.textContent = 'Mở trang người tổ chức / Open the organiser console'",
      'status.append(next)',
    ].join(';\n    '),
    [
      "'Đã tạo tài khoản ' + body.account + ' (' + ({ committee: 'ủy viên cấp ủy', admin: 'quản trị' }[body.role] || 'người tổ chức') + ') / Account ' + body.account + ' created (' + ({ committee: 'committee member', admin: 'administrator' }[body.role] || 'organiser') + ') '",
      "const next = document.createElement('a')",
      "next.id = 'continue'",
      "next.href = { committee: '/committee', admin: '/admin' }[body.role] || '/'",
      "next.textContent = 'Tiếp tục / Continue'",
      'status.append(next)',
    ].join(';\n    '),
  );

const JS = { 'content-type': 'text/javascript; charset=utf-8' };

export function setupPage(): Hono {
  const app = new Hono();
  app.get('/setup', (c) => c.html(page));
  app.get('/setup.js', (c) => c.body(script, 200, JS));
  app.get('/invite', (c) => c.html(invitePage));
  app.get('/invite.js', (c) => c.body(inviteScript, 200, JS));
  return app;
}
