/**
 * The one contract between the renderer and the main side. Every channel is listed here once
 * (shared/channels/ has one file per prefix: documents.* in documents.ts): its request schema, checked at run time by the router
 * because the renderer is untrusted, and its response schema, the type the client gets back.
 * Events are pushed from main to every renderer.
 */
import type { z } from 'zod';
import { appChannels, appEvents } from './channels/app.js';
import { continueChannels } from './channels/continue.js';
import { documentsChannels, documentsEvents } from './channels/documents.js';
import { engineChannels, engineEvents } from './channels/engine.js';
import { filesChannels } from './channels/files.js';
import { generationEvents } from './channels/generation.js';
import { historyChannels, historyEvents } from './channels/history.js';
import { lorebookChannels, lorebookEvents } from './channels/lorebook.js';
import { modelsChannels, modelsEvents } from './channels/models.js';
import { preferencesChannels, preferencesEvents } from './channels/preferences.js';
import { presetsChannels } from './channels/presets.js';
import { probabilitiesChannels } from './channels/probabilities.js';
import { remoteChannels } from './channels/remote.js';
import { revisionsChannels } from './channels/revisions.js';
import { settingsChannels } from './channels/settings.js';
import { templatesChannels, templatesEvents } from './channels/templates.js';

export const contract = {
  ...appChannels,
  ...continueChannels,
  ...documentsChannels,
  ...engineChannels,
  ...filesChannels,
  ...historyChannels,
  ...lorebookChannels,
  ...modelsChannels,
  ...preferencesChannels,
  ...presetsChannels,
  ...probabilitiesChannels,
  ...remoteChannels,
  ...revisionsChannels,
  ...settingsChannels,
  ...templatesChannels,
} as const;

export const events = {
  ...appEvents,
  ...documentsEvents,
  ...engineEvents,
  ...generationEvents,
  ...historyEvents,
  ...lorebookEvents,
  ...modelsEvents,
  ...preferencesEvents,
  ...templatesEvents,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const channelNames = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
