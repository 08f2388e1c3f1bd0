"""DRF authentication by personal API token: `Authorization: Bearer cop_...`. A token is refused when revoked or
expired, and suspended while its owner's roles differ from those it was made with or their role's two-factor
sign-in is not set up (api.rules.token_refusal)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from api.rules import token_refusal
from api.services import find_token, note_token_used

KEYWORD = "Bearer"


class ApiTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Send the header as 'Authorization: Bearer <your token>'.")
        try:
            key = header[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("That token is not valid.") from None
        token = find_token(key)
        if token is None:
            raise exceptions.AuthenticationFailed("That token is not valid or has been revoked.")
        refusal = token_refusal(token)
        if refusal is not None:
            raise exceptions.AuthenticationFailed(refusal)
        note_token_used(token)
        return token.user, token

    def authenticate_header(self, request) -> str:
        return f'{KEYWORD} realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Describes the token in the OpenAPI schema (HTTP bearer), so the documentation offers "Authorize"."""

    target_class = "api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, created under API tokens when signed in.",
        }
