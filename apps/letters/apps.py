from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "apps.letters"
    label = "letters"
    verbose_name = "Letters"
