from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "jarjestokartta.bench"
    verbose_name = "Benchmarks"
