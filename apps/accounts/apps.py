from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from . import export_sections, signals  # noqa: F401  (connects the receivers)

        export_sections.register()


class RightsdeskAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by our site: staff only, and only after two-factor sign-in.
    Listed in INSTALLED_APPS in place of ``django.contrib.admin``."""

    default = False
    default_site = "apps.accounts.admin_site.RightsdeskAdminSite"
