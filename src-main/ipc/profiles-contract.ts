// The profiles & connections part of the IPC contract: argument schemas and the views the renderer may see.
// No token ever appears in a result type: the renderer learns only { saved, last4 }. Imports only zod (the renderer reads types).
import { z } from 'zod'
import type { Localized } from './shared-contract'

export type ProfileDestination = 'zangsho' | 'shopline' | 'rehearsal'

export interface ProfilePacing {
  minIntervalMs?: number
  batchSize?: number
  maxRequestsPerSecond?: number
}

export interface ShoplineChoice {
  deliveryOptionId: string
  deliveryOptionName?: string
  paymentMethodId: string
  paymentMethodName?: string
}

/** What the renderer knows about a token: whether one is saved and its last 4 characters (none for short tokens). */
export interface ProfileTokenView {
  saved: boolean
  last4: string | null
  /** Set when the OS keychain cannot be used: the plain reason and fix. */
  unavailable?: Localized
}

export interface ProfileView {
  id: string
  name: string
  destination: ProfileDestination
  /** For the rehearsal profile: the running rehearsal server's address, or '' until it is first used. */
  baseUrl: string
  timezone: string
  pacing?: ProfilePacing
  shopline?: ShoplineChoice
  /** 帳獸 advanced: where subscription events are created, when changed from the inferred /subscriptions/events. */
  eventsPath?: string
  /** The built-in rehearsal profile: always there, cannot be removed, needs no token. */
  builtIn: boolean
  needsToken: boolean
  token: ProfileTokenView
}

export interface ProfileListView {
  profiles: ProfileView[]
  /** The settings file could not be read and was kept aside. */
  problem: Localized | null
  defaults: { baseUrls: { zangsho: string; shopline: string }; timezone: string }
}

export type ConnectionKind =
  'ok' | 'unauthorized' | 'forbidden' | 'unreachable' | 'tls' | 'rate_limited' | 'http_error' | 'timeout'

/** The outcome of "Test connection", in plain words. */
export interface ConnectionCheckView {
  ok: boolean
  kind: ConnectionKind
  message: Localized
  status?: number
  /** 403: the ability the token lacks, e.g. customers:read */
  ability?: string
}

export interface ShoplineOptionView {
  id: string
  name: string
  /** Only custom kinds can be chosen; the others carry why. */
  usable: boolean
  why?: Localized
  kind?: string
  status?: string
  excludes?: string[]
}

export type ShoplineOptionsView =
  | { ok: true; deliveryOptions: ShoplineOptionView[]; paymentMethods: ShoplineOptionView[]; explanation: Localized }
  | { ok: false; failure: ConnectionCheckView }

const profileId = z.string().min(1).max(64)
const pacing = z
  .object({
    minIntervalMs: z.number().int().min(0).max(600_000).optional(),
    batchSize: z.number().int().min(1).max(100).optional(),
    maxRequestsPerSecond: z.number().positive().max(100).optional()
  })
  .strict()
const shoplineChoice = z
  .object({
    deliveryOptionId: z.string().min(1).max(200),
    deliveryOptionName: z.string().max(300).optional(),
    paymentMethodId: z.string().min(1).max(200),
    paymentMethodName: z.string().max(300).optional()
  })
  .strict()

export const profileMethodArgs = {
  'profiles.list': z.object({}).strict(),
  /** Without id: add a profile. With id: update it. An empty baseUrl means the destination's default. */
  'profiles.save': z
    .object({
      id: profileId.optional(),
      name: z.string().max(100),
      destination: z.enum(['zangsho', 'shopline', 'rehearsal']),
      baseUrl: z.string().max(2000).optional(),
      timezone: z.string().max(100).optional(),
      pacing: pacing.nullable().optional(),
      shopline: shoplineChoice.nullable().optional(),
      /** '' or null: back to the inferred default path. */
      eventsPath: z.string().max(200).nullable().optional(),
      /** A token typed in the same save: kept when the host or destination changes (otherwise the old token is deleted). */
      token: z.string().min(1).max(8192).optional()
    })
    .strict(),
  'profiles.remove': z.object({ id: profileId }).strict(),
  /** The token travels renderer → main only; no result ever carries it back. */
  'profiles.setToken': z.object({ id: profileId, token: z.string().min(1).max(8192) }).strict(),
  'profiles.deleteToken': z.object({ id: profileId }).strict(),
  'profiles.test': z.object({ id: profileId }).strict(),
  'profiles.shoplineOptions': z.object({ id: profileId }).strict()
}

export interface ProfileMethodResults {
  'profiles.list': ProfileListView
  'profiles.save': ProfileView
  'profiles.remove': { removed: true }
  'profiles.setToken': ProfileTokenView
  'profiles.deleteToken': ProfileTokenView
  'profiles.test': ConnectionCheckView
  'profiles.shoplineOptions': ShoplineOptionsView
}

export type ProfileMethodName = keyof ProfileMethodResults
