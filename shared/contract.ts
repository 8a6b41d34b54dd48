/**
 * The one contract between the renderer and the main side. Every channel is listed here once
 * (grouped by domain in shared/channels/): its request schema, checked at run time by the router
 * because the renderer is untrusted, and its response schema, the type the client gets back.
 * Events are pushed from main to every renderer.
 */
import type { z } from 'zod';
import { appChannels, documentChannels, documentEvents } from './channels/documents.js';
import { engineChannels, engineEvents } from './channels/engine.js';
import { modelChannels, modelEvents } from './channels/models.js';
import { generationChannels, generationEvents } from './channels/generations.js';
import { appCommandChannels, appCommandEvents } from './channels/appCommands.js';
import { fileChannels } from './channels/files.js';
import { templateChannels, templateEvents } from './channels/templates.js';
import { preferenceChannels, preferenceEvents } from './channels/preferences.js';

export const contract = {
  ...appChannels,
  ...documentChannels,
  ...engineChannels,
  ...modelChannels,
  ...generationChannels,
  ...fileChannels,
  ...appCommandChannels,
  ...templateChannels,
  ...preferenceChannels,
} as const;

export const events = {
  ...documentEvents,
  ...engineEvents,
  ...modelEvents,
  ...generationEvents,
  ...appCommandEvents,
  ...templateEvents,
  ...preferenceEvents,
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
