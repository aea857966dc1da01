import { ArgumentMetadata, HttpStatus, Injectable, PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { errorMessage } from '@unionhome/shared';
import { AppException } from './app-exception';

/** Deeper than any body of ours (the deepest, a claim's invoices, is 3). */
export const MAX_BODY_DEPTH = 16;

/** Bidirectional overrides/isolates and C0/C1 controls but tab and newlines: invisible, and used to disguise names. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Runs on every parsed JSON body before routing, in one pass without recursion (a 100 KB body can
 * nest 50,000 arrays, which would overflow the stack of a recursive walker or of class-transformer):
 *  - refuses nesting deeper than MAX_BODY_DEPTH (400 MALFORMED_REQUEST);
 *  - refuses numbers past ±2^53 (they lose precision, and overflow BIGINT columns): 400 with the field;
 *  - refuses fields named like what every object inherits (`constructor`, `__proto__`, `toString`);
 *  - strips invisible control and bidi characters from strings and trims them, so a length rule
 *    (`MinLength`) sees what is stored and a name cannot hide a right-to-left override.
 */
export function bodyGuard(req: Request, res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object') return next();
  const fields: Record<string, string> = {};
  const stack: Array<{ holder: Record<string, unknown> | unknown[]; depth: number; path: string }> = [{ holder: body as Record<string, unknown>, depth: 1, path: '' }];
  while (stack.length) {
    const { holder, depth, path } = stack.pop()!;
    if (depth > MAX_BODY_DEPTH) {
      res.status(400).json({ code: 'MALFORMED_REQUEST', message: '请求内容层级太深' });
      return;
    }
    for (const key of Object.keys(holder)) {
      const value = (holder as Record<string, unknown>)[key];
      const at = path ? `${path}.${key}` : key;
      if (!Array.isArray(holder) && key in Object.prototype) {
        // `constructor`, `__proto__`, `toString`…: class-transformer drops them before the whitelist
        // sees them, so an unknown field of these names would pass silently (and they are how
        // prototype pollution starts).
        fields[at] = '不支持该字段';
        continue;
      }
      if (typeof value === 'string') {
        (holder as Record<string, unknown>)[key] = value.replace(INVISIBLE, '').trim();
      } else if (typeof value === 'number') {
        if (Math.abs(value) > Number.MAX_SAFE_INTEGER) fields[at] = '数字太大了';
      } else if (value !== null && typeof value === 'object') {
        stack.push({ holder: value as Record<string, unknown>, depth: depth + 1, path: at });
      }
    }
  }
  if (Object.keys(fields).length) {
    res.status(400).json({ code: 'VALIDATION_FAILED', message: errorMessage('VALIDATION_FAILED'), fields });
    return;
  }
  next();
}

/** @nestjs/swagger's metadata key of @ApiProperty (DECORATORS.API_MODEL_PROPERTIES; its constants are not exported). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

type Ctor = new (...args: unknown[]) => unknown;
const SCALARS: unknown[] = [String, Number, Boolean, Object, Array, Date];

interface PropertyDoc {
  nullable?: boolean;
  type?: unknown;
}

function propertyDoc(cls: Ctor | undefined, key: string): PropertyDoc | undefined {
  if (!cls) return undefined;
  return Reflect.getMetadata(API_MODEL_PROPERTIES, cls.prototype, key) as PropertyDoc | undefined;
}

function nestedClass(doc: PropertyDoc | undefined): Ctor | undefined {
  let type = doc?.type;
  if (Array.isArray(type)) type = type[0];
  if (typeof type !== 'function' || SCALARS.includes(type)) return undefined;
  // `type: () => X` (lazy) versus a class: a class has a prototype with its own constructor.
  return (type.prototype ? type : (type as () => unknown)()) as Ctor;
}

/**
 * `null` means "no value" only where a DTO says so: an optional field is one that is left out, and
 * `null` in any other field is refused (400, the field named) instead of reaching a service that
 * expects a string or a number. A field that may be cleared declares it in its OpenAPI description,
 * `@ApiProperty({ nullable: true })` (and accepts it with `@ValidateIf((_, v) => v !== null)`), so the
 * contract and the check are one statement. Nested DTOs are followed through their documented `type`.
 */
@Injectable()
export class NullGuardPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type !== 'body' || value === null || typeof value !== 'object') return value;
    const fields: Record<string, string> = {};
    const stack: Array<{ node: unknown; cls: Ctor | undefined; path: string }> = [{ node: value, cls: meta.metatype as Ctor | undefined, path: '' }];
    while (stack.length) {
      const { node, cls, path } = stack.pop()!;
      const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node as object);
      for (const [key, v] of entries) {
        const at = path ? `${path}.${key}` : key;
        const doc = Array.isArray(node) ? undefined : propertyDoc(cls, key);
        if (v === null) {
          if (!doc?.nullable) fields[at] = '不能为空值；不填请不传这一项';
        } else if (typeof v === 'object') {
          stack.push({ node: v, cls: Array.isArray(node) ? cls : nestedClass(doc), path: at });
        }
      }
    }
    if (Object.keys(fields).length) throw new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { fields });
    return value;
  }
}
