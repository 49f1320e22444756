/// Camera azimuth classes (see `SimulationCondition.azimuth`): the detector's hard cases differ by view.
public enum ViewClass: String, Sendable, CaseIterable {
    /// Within 30° of walking straight toward the camera.
    case frontal
    /// Within 30° of walking straight away.
    case back
    /// Within 15° of crossing the picture.
    case side
    /// Everything between.
    case oblique

    public static func of(azimuth: Double) -> ViewClass {
        let a = (azimuth.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        let fromFront = min(a, 360 - a)
        if fromFront <= 30 { return .frontal }
        if fromFront >= 150 { return .back }
        if abs(fromFront - 90) <= 15 { return .side }
        return .oblique
    }
}
