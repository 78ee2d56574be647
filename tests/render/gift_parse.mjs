// Reads GIFT text on stdin, parses it with gift-pegjs (the parser of Moodle-compatible
// GIFT tools) and prints the parsed questions as JSON; a syntax error is printed as
// {"error": ...} with exit status 1. Used by tests/render/test_gift.py.
import { parse } from "gift-pegjs";

let text = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) text += chunk;
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: String(error.message), location: error.location ?? null }));
  process.exitCode = 1;
}
