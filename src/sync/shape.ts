/**
 * What the worker learns about a main-thread object with its reference: the
 * answers to the probes Pyodide and MicroPython make when they wrap a JS
 * object, so wrapping a remote object costs no round trip.
 */
import { METHOD_PROBES, PROP_PROBES, type Shape } from './protocol.js';

const probeKey = (name: string): string | symbol =>
  name.startsWith('@@') ? (Symbol as unknown as Record<string, symbol>)[name.slice(2)] ?? name : name;

/** What the worker needs to wrap `value` without asking (see {@link Shape}). */
export function shapeOf(value: object): Shape {
  const shape: Shape = {};
  const object = value as Record<string | symbol, unknown>;
  if (typeof value === 'function') shape.f = 1;
  if (Array.isArray(value)) shape.a = 1;
  try {
    const tag = object[Symbol.toStringTag];
    if (typeof tag === 'string') shape.t = tag;
    const name = (object.constructor as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string') shape.c = name;
  } catch {
    // A throwing getter: the worker asks again when it needs it.
  }
  for (const name of METHOD_PROBES) {
    let member: unknown;
    try {
      member = object[probeKey(name)];
    } catch {
      continue; // a throwing getter: left out, so the worker asks main when it reads it
    }
    if (typeof member === 'function') (shape.m ??= []).push(name);
    else if (member !== undefined) (shape.v ??= []).push(name);
  }
  for (const name of PROP_PROBES) if (name in value) (shape.p ??= []).push(name);
  return shape;
}
