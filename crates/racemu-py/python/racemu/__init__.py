"""racemu: z/OS RACF key rings (RACDCERT) off the mainframe, for Python tests.

:class:`Racf` is one RACF database driven through the racemu binary this package ships;
the pytest plugin (:mod:`racemu.plugin`) gives each test one as the ``racf`` fixture.
"""

from racemu._racf import ExecResult, JobResult, Racf, RacemuError, racemu_binary

__all__ = ["ExecResult", "JobResult", "Racf", "RacemuError", "racemu_binary"]
