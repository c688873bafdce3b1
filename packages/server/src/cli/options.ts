import { InvalidArgumentError } from 'commander';

export function wholeNumber(name: string, min = 0) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`${name} must be a whole number of at least ${min}`);
    return Number(value);
  };
}

export const dataDirHelp = 'the embedded database folder (default ./data, or LANTERN_DATA_DIR); ignored when DATABASE_URL is set';
