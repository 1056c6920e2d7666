import type { ChangeEvent } from 'react';

export interface NativeOption {
  value: string;
  label: string;
}

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  options: NativeOption[];
  placeholder: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}

/**
 * The phone's own picker: light, fast on a cheap handset, and accessible by nature. Works inside
 * an antd Form.Item (value/onChange/id are injected); an empty choice stands for "none".
 */
export function NativeSelect({ id, value, onChange, options, placeholder, ...aria }: Props) {
  return (
    <select
      id={id}
      className="native-select"
      value={value ?? ''}
      onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange?.(event.target.value || undefined)}
      {...aria}
    >
      <option value="">{placeholder}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
