/** --name value pairs of a CLI command; a flag without a value is "true". */
export function parseArgs(argv: string[] = process.argv.slice(2)): Record<string, string> {
  const result: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) continue;
    const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (inline !== undefined) result[key] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) result[key] = argv[++i]!;
    else result[key] = "true";
  }
  return result;
}
