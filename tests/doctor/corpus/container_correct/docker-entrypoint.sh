#!/bin/sh
set -e
berth wait
exec "$@"
