#!/bin/sh
# Prisma's CLI insists on a native schema-engine binary it cannot download offline.
# Migrations run through the WebAssembly engine instead: pnpm db:migrate / db:migration / db:check.
echo "citypeer: the native schema engine is not used; run pnpm db:migrate, db:migration or db:check" >&2
exit 1
