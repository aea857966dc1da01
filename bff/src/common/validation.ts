import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException } from './app-exception';
import { HttpStatus } from '@nestjs/common';

/** Chinese text for class-validator constraint names; DTOs may override with `message`. */
const CONSTRAINT_TEXT: Record<string, string> = {
  whitelistValidation: '不支持该字段',
  isDefined: '必填',
  isNotEmpty: '必填',
  isString: '应为文字',
  isInt: '应为整数',
  isNumber: '应为数字',
  isBoolean: '应为是或否',
  isIn: '不在可选范围内',
  isEnum: '不在可选范围内',
  min: '太小了',
  max: '太大了',
  maxLength: '太长了',
  minLength: '太短了',
  length: '长度不对',
  isArray: '应为列表',
  arrayMinSize: '至少需要一项',
  arrayMaxSize: '项数太多了',
  matches: '格式不正确',
  isUUID: '编号格式不正确',
  equals: '请确认',
  isObject: '格式不正确',
};

/** Flattens nested errors to `{ "invoices.0.amount": "应为整数" }`. */
export function validationErrorsToFields(errors: ValidationError[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const [name, raw] = Object.entries(e.constraints)[0];
      // Our own messages are Chinese; class-validator defaults are English and get a generic text.
      fields[path] = /[\u4e00-\u9fa5]/.test(raw) ? raw : (CONSTRAINT_TEXT[name] ?? '填写不正确');
    }
    if (e.children?.length) Object.assign(fields, validationErrorsToFields(e.children, path));
  }
  return fields;
}

/** The one global pipe: strip nothing silently — unknown fields are refused (API.md). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { fields: validationErrorsToFields(errors) }),
  });
}

export { BadRequestException };
