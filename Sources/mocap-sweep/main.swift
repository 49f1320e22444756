// Placeholder: the mocap sweep is being written.
