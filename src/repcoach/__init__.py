"""repcoach: a workout coach that makes a written routine executable."""

__version__ = "0.1.0"
