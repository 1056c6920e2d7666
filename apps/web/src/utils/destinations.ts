/**
 * ISO 3166-1 codes offered for "where were you going": the main destinations of Chinese workers
 * abroad first. Names come from the browser (Intl.DisplayNames) in the chosen language.
 */
export const DESTINATION_COUNTRIES = [
  'SG', 'JP', 'KR', 'MY', 'TH', 'VN', 'ID', 'PH', 'KH', 'LA', 'MM', 'BD', 'PK', 'LK', 'NP',
  'AE', 'SA', 'QA', 'KW', 'OM', 'BH', 'IL', 'TR', 'IQ', 'IR', 'JO',
  'RU', 'KZ', 'UZ', 'KG', 'TJ', 'MN', 'BY',
  'DZ', 'AO', 'NG', 'ET', 'KE', 'TZ', 'ZM', 'ZA', 'EG', 'SD', 'CD', 'GH', 'MZ',
  'DE', 'IT', 'ES', 'FR', 'GB', 'NL', 'PL', 'RS', 'HU', 'GR', 'PT', 'IE',
  'US', 'CA', 'MX', 'BR', 'AR', 'CL', 'PE', 'PA',
  'AU', 'NZ', 'PG', 'FJ', 'PW', 'MP',
  'HK', 'MO', 'TW',
] as const;
