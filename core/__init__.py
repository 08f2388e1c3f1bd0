"""The shared core: pure helpers every app may use. No app models live here, and nothing here imports an app."""
