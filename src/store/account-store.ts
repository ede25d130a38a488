// The accounts aggregate: the server's keys, the first start's setup, accounts and their passwords,
// sessions, the login rate limit, invitations.

import type { AccountRole } from '../shared/domain.ts';

export type { AccountRole };
/** An account and its place in the tree (`organisationId`: the chi bộ, the đảng ủy, or the admin's home). */
/** `disabledAt`: when the admin disabled the account (null: it works). */
export type Account = {
  id: string;
  name: string;
  role: AccountRole;
  organisationId: string;
  disabledAt: number | null;
};

/**
 * A one-time invitation as the admin sees it: `id` is the first characters of the link's hash (nothing of
 * the link itself), `state` whether it can still be used.
 */
export type Invitation = {
  id: string;
  role: AccountRole;
  organisationId: string;
  invitedBy: string | null;
  createdAt: number;
  expiresAt: number;
  state: 'open' | 'used' | 'expired' | 'revoked';
};

/** Why an invitation did not make an account. */
export type InvitationRefusal = 'unknown' | Exclude<Invitation['state'], 'open'> | 'name-taken';

/** `branchId` is the account's place in the tree; `role` is read from the account. */
export type Session = {
  accountId: string;
  branchId: string;
  role: AccountRole;
  csrfToken: string;
  expiresAt: number;
};

export type PasswordRecord = {
  accountId: string;
  branchId: string;
  hash: string;
  salt: string;
  params: string;
};
export type ReceiptKey = { secretKey: string; publicKey: string };

export interface AccountStore {
  // Server keys, setup, passwords, sessions, the login rate limit.
  /** The receipt key, created by `generate` on first call and kept from then on. */
  receiptKey(generate: () => ReceiptKey): Promise<ReceiptKey>;
  /** Sets the operator key (kept as a hash), replacing any earlier one. */
  replaceOperatorKey(keyHash: string, now: number): Promise<void>;
  hasOperatorKey(keyHash: string): Promise<boolean>;
  hasOrganiser(branchId: string): Promise<boolean>;
  /** Replaces any unused setup token of the branch with this one. */
  createSetupToken(branchId: string, tokenHash: string, now: number): Promise<void>;
  /** Spends the setup token and creates the server admin (at home in the branch), atomically. Null if spent or unknown. */
  completeSetup(input: {
    tokenHash: string;
    maxAge: number;
    account: { id: string; name: string };
    password: Omit<PasswordRecord, 'accountId' | 'branchId'>;
    now: number;
  }): Promise<{ accountId: string; branchId: string } | null>;
  /** Creates an organiser account directly (the operator's sandbox). Null if the name is taken. */
  createOrganiser(input: {
    branchId: string;
    account: { id: string; name: string };
    password: Omit<PasswordRecord, 'accountId' | 'branchId'>;
    now: number;
  }): Promise<{ accountId: string } | null>;
  passwordFor(accountName: string): Promise<PasswordRecord | null>;
  createSession(idHash: string, session: Omit<Session, 'role'>, now: number): Promise<void>;
  session(idHash: string, now: number): Promise<Session | null>;
  endSession(idHash: string): Promise<void>;
  loginFailures(key: string, since: number): Promise<number>;
  recordLoginFailure(key: string, now: number): Promise<void>;
  clearLoginFailures(key: string): Promise<void>;

  // Accounts with roles, invitations.
  account(id: string): Promise<Account | null>;
  accounts(): Promise<Account[]>;
  /** Keeps a one-time invitation (its hash) for an account of `role` at `organisationId`. */
  inviteAccount(invitation: {
    tokenHash: string;
    role: AccountRole;
    organisationId: string;
    invitedBy: string | null;
    expiresAt: number;
    now: number;
  }): Promise<Invitation>;
  /** The invitation of this link's hash, in its state at `now`; null if there is none. */
  invitation(tokenHash: string, now: number): Promise<Invitation | null>;
  /** The invitations neither used, expired nor revoked at `now`, oldest first. */
  openInvitations(now: number): Promise<Invitation[]>;
  /** Revokes an open invitation by its id. False if there is none open. */
  revokeInvitation(id: string, now: number): Promise<boolean>;
  /** Spends the invitation and creates its account, atomically; else why not, and nothing is written. */
  acceptInvitation(input: {
    tokenHash: string;
    name: string;
    password: Omit<PasswordRecord, 'accountId' | 'branchId'>;
    now: number;
  }): Promise<Account | InvitationRefusal>;
  /** Disables the account: it can no longer log in and its sessions end. False if unknown or already disabled. */
  disableAccount(id: string, now: number): Promise<boolean>;
}
