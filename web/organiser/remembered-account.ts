// The account name last typed into the organiser's login form, remembered on this device so the form is
// filled in next time (and after a wrong password); empty means the server's first organiser account.
const STORAGE_KEY = 'phieukin.organiser.account';

export function rememberedAccount(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberAccount(account: string): void {
  try {
    if (account) localStorage.setItem(STORAGE_KEY, account);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // private browsing: the name is typed again next time
  }
}
