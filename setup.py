"""The project is described in pyproject.toml; this adds one build step.

The templates stay in the top-level templates/ folder of the repository, where
templates/<format>/ is easy to find and override; a wheel carries them inside the
package as quizgen/_templates, where quizgen.util.paths.templates_dir() finds them.
An editable install and a checkout read templates/ directly.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithTemplates(build_py):
    def run(self):
        super().run()
        if not self.editable_mode:
            self.copy_tree("templates", str(Path(self.build_lib) / "quizgen" / "_templates"))


setup(cmdclass={"build_py": BuildPyWithTemplates})
