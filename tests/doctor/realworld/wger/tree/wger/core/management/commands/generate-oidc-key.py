# This file is part of wger Workout Manager.
#
# wger Workout Manager is free software: you can redistribute it and/or modify
# it under the terms of the GNU Affero General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# wger Workout Manager is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU Affero General Public License
# along with Workout Manager.  If not, see <http://www.gnu.org/licenses/>.

# Django
from django.core.management.base import BaseCommand

# Third Party
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


class Command(BaseCommand):
    """
    Generates the RS256 signing key for the OAuth2/OIDC provider.

    This key signs the ID tokens and is published as a public key over the
    provider's JWKS endpoint. It is only needed when acting as an identity
    provider, the rest of the API is unaffected by it.
    """

    help = (
        'Generate the RS256 signing key for the OAuth2/OIDC provider. The output '
        'can be pasted into the docker compose env file.'
    )

    def add_arguments(self, parser):
        parser.add_argument(
            '--key-size',
            type=int,
            default=2048,
            help='RSA key size in bits (default: 2048).',
        )

    def handle(self, *args, **options):
        rsa_key = rsa.generate_private_key(
            public_exponent=65537,
            key_size=options['key_size'],
        )
        pem = rsa_key.private_bytes(
            encoding=serialization.Encoding.PEM,
            format=serialization.PrivateFormat.PKCS8,
            encryption_algorithm=serialization.NoEncryption(),
        ).decode()

        self.stdout.write(
            self.style.WARNING(
                '# Paste this into your environment file (e.g. docker/config/prod.env).\n'
                '# Keep it secret, never commit it to a public repo.'
            )
        )
        self.stdout.write('')
        # A PEM spans several lines, an env value doesn't
        escaped_pem = pem.replace('\n', '\\n')
        self.stdout.write(f'IDP_OIDC_PRIVATE_KEY={escaped_pem}')
