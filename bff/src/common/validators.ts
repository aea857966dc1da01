import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min, ValidateBy, ValidationOptions } from 'class-validator';
import { ID_NUMBER_PROBLEM_MESSAGES, checkIdNumber, isLocalDate, isMaskedIdNumber, PHONE_PATTERN } from '@unionhome/shared';

/**
 * Composed validators for the field kinds that recur across DTOs (STYLE.md habit 2),
 * each with its Chinese message and its OpenAPI description.
 */

/** Integer fen, 0 … 10^11 (one billion yuan is plenty for any claim). */
export function IsFen(opts: { min?: number; max?: number } & ApiPropertyOptions = {}) {
  const { min = 0, max = 100_000_000_000, ...api } = opts;
  return applyDecorators(
    ApiProperty({ type: 'integer', description: '金额，单位：分', minimum: min, ...api } as ApiPropertyOptions),
    IsInt({ message: '金额应为整数（单位：分）' }),
    Min(min, { message: min === 0 ? '金额不能为负数' : `不能小于${min}` }),
    Max(max, { message: '金额太大了' }),
  );
}

/**
 * `orMasked`: also accept the masked form a response showed ("3306**********1234"), which the
 * service then resolves to the number it holds (an edit that kept the row).
 */
export function IsIdNumber(validationOptions?: ValidationOptions, opts: { orMasked?: boolean } = {}) {
  return applyDecorators(
    ApiProperty({ example: '11010519491231002X', description: opts.orMasked ? '18位居民身份证号码；原样送回脱敏的号码表示不修改' : '18位居民身份证号码' }),
    IsString({ message: '请填写身份证号码' }),
    ValidateBy(
      {
        name: 'isIdNumber',
        validator: {
          validate: (value: unknown) => typeof value === 'string' && (checkIdNumber(value) === null || (!!opts.orMasked && isMaskedIdNumber(value))),
          defaultMessage: (args) => {
            const problem = typeof args?.value === 'string' ? checkIdNumber(args.value) : 'empty';
            return ID_NUMBER_PROBLEM_MESSAGES[problem ?? 'format'];
          },
        },
      },
      validationOptions,
    ),
  );
}

export function IsLocalDate(opts: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ example: '2026-11-22', description: '日期 YYYY-MM-DD', ...opts } as ApiPropertyOptions),
    ValidateBy({
      name: 'isLocalDate',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && isLocalDate(v),
        defaultMessage: () => '日期格式应为 年-月-日',
      },
    }),
  );
}

export function IsEntityId(opts: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ format: 'uuid', ...opts } as ApiPropertyOptions),
    IsString({ message: '编号格式不正确' }),
    Matches(/^[0-9a-f-]{36}$/i, { message: '编号格式不正确' }),
  );
}

export function IsPhone() {
  return applyDecorators(
    ApiProperty({ example: '13800000001' }),
    IsString({ message: '请填写手机号码' }),
    Matches(PHONE_PATTERN, { message: '手机号码应为11位数字' }),
  );
}

/** Trimmed free text with a maximum length. */
export function IsText(maxLength: number, opts: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ maxLength, ...opts } as ApiPropertyOptions),
    IsString({ message: '应为文字' }),
    MaxLength(maxLength, { message: `不能超过${maxLength}个字` }),
  );
}

/** Query-string integers (page, limit) arrive as strings. */
export function QueryInt(min: number, max: number) {
  return applyDecorators(Type(() => Number), IsInt({ message: '应为整数' }), Min(min, { message: '太小了' }), Max(max, { message: '太大了' }));
}
