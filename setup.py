"""Build hook for the one optional C extension; every other setting is in pyproject.toml.

``linter._finlm`` scores the missing-char check's character model in C (the same floats as the
pure-Python ``linter.ngrams.FinLM``, several times faster).  It is optional: without a C compiler
the build skips it and wenlint runs the Python code.  ``WENLINT_PURE_PYTHON=1`` ignores a built
extension at run time."""
from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "linter._finlm",
            ["linter/_finlm.c"],
            optional=True,
            # the Python model's exact floats: no fused multiply-add, no reassociation
            extra_compile_args=["-O2", "-ffp-contract=off", "-fno-fast-math"],
        )
    ]
)
