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
  disabled?: boolean;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}

/**
 * The phone's own picker: light, fast on a cheap handset, and accessible by nature. Works inside
 * an antd Form.Item (value/onChange/id are injected); an empty choice stands for "none".
 */
export function NativeSelect({ id, value, onChange, options, placeholder, disabled, ...aria }: Props) {
  return (
    <select
      id={id}
      className="native-select"
      value={value ?? ''}
      disabled={disabled}
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
