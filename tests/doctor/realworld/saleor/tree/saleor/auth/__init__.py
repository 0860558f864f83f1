# This module was created to be able to handle the migration process after we move
# the part of Django Auth directly to Saleor.
