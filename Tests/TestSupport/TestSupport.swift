/// Code shared by the test targets: child processes, the test printer.
public enum TestSupport {}
