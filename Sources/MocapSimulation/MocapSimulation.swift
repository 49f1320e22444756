/// Placeholder: the mocap simulation is being written (see Package.swift).
public enum MocapSimulation {}
