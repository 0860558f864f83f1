#!/bin/sh
set -e
wait-for-it db:5432 --timeout=30 -- echo "database is up"
python manage.py migrate --noinput
exec "$@"
