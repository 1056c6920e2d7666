/**
 * ApiProperty options of an enum documented once, under its own name in
 * `components.schemas`, and referenced wherever it is used: generated clients get one
 * `LicenceStatus` type instead of a new inline union per field.
 */
export function namedEnum(enumName: string, values: readonly string[]): { enum: string[]; enumName: string } {
  return { enum: [...values], enumName };
}
