import Export
import FootfallCore
import Foundation
import Mix
import Sound
import Testing

extension Fuzz {
    /// The steps JSON is written by Footfall and edited by hand, so anything may come back: it must decode to a document
    /// every later stage can use, or be refused with one line saying what to fix.
    @Suite struct StepsDocumentFuzzTests {
        static var seeds: [[UInt8]] {
            let steps = (0..<6).map { i -> StepEvent in
                let t = 0.25 + Double(i) * 0.31
                let foot: Foot = i % 2 == 0 ? .left : .right
                let position = Point2D(x: 100 + Double(i) * 30, y: 200)
                let surface: String? = i == 3 ? "gravel" : nil
                let gain: Double? = i == 2 ? -3 : nil
                let pan: Double? = i == 4 ? -0.5 : nil
                return StepEvent(
                    time: t, frame: 7 + i * 9, walker: i % 2 + 1, foot: foot, confidence: 0.5 + Double(i) / 20,
                    method: "zeni", position: position, walkerHeight: 150 + Double(i), surface: surface, intensity: 0.4,
                    gainDB: gain, pan: pan)
            }
            let toeOffs = [StepEvent(time: 0.5, frame: 15, walker: 1, foot: .left, confidence: 0.8, kind: .toeOff)]
            let surfaces = [
                SurfaceSegment(walker: 1, start: 0, end: 1.2, surface: "wood", confidence: 0.7, source: .detected),
                SurfaceSegment(walker: nil, start: 0, end: 2, surface: "tile", confidence: 1, source: .override),
            ]
            let video = StepsDocument.Video(file: "clip.mp4", width: 640, height: 360, duration: 2, frameRate: 29.97)
            let full = StepsDocument(
                video: video, steps: steps,
                render: .init(backend: "procedural", seed: 42, shoe: "boots", scene: .outdoor),
                toeOffs: toeOffs, surfaces: surfaces)
            let bare = StepsDocument(video: video, steps: [])
            let minimal =
                #"{"version":1,"video":{"file":"a.mp4","width":2,"height":2,"duration":1,"frame_rate":25},"#
                + #""steps":[{"time":0.5,"foot":"left"},{"time":0.9,"foot":"right","walker":3}]}"#
            return [(try? full.encoded()) ?? Data(), (try? bare.encoded()) ?? Data(), Data(minimal.utf8)].map {
                Array($0)
            }
        }

        static let dictionary = [
            #""time":"#, #""foot":"left""#, #""kind":"toe_off""#, #""surface":"ice""#, #""version":2"#,
            #""steps":null"#,
            #""gain_db":"#, #""pan":"#, #""source":"override""#, #""walker":null"#, #""scene":"moon""#,
        ]

        @Test func decodesOrRefusesAndRoundTrips() async throws {
            await Fuzzer("steps JSON", seeds: Self.seeds, iterations: 3000, dictionary: Self.dictionary).run { input in
                let doc = try StepsDocument.decode(from: input.data, source: "edited.steps.json")
                input.check(doc.steps.allSatisfy { $0.time.isFinite && $0.time >= 0 }, "accepted an invalid step time")
                let again = try StepsDocument.decode(from: try doc.encoded(), source: "re-encoded")
                input.check(again == doc, "decode → encode → decode changed the document")
                Self.useDownstream(doc, input)
            }
        }

        /// What a render does with an accepted document, short of decoding video: markers, plan, sound requests, mix.
        static func useDownstream(_ doc: StepsDocument, _ input: FuzzCase) {
            for format in MarkerFormat.allCases {
                let text = MarkerFormats.write(doc.steps, format: format, frameRate: doc.video.frameRate)
                input.check(doc.steps.isEmpty || !text.isEmpty, "\(format) markers are empty")
            }
            // The render refuses steps past the video's end (+0.5 s); the fuzz uses a 3 s video.
            guard let last = doc.steps.map(\.time).max(), last <= 3.5 else { return }
            let plan = PlanBuilder().build(
                steps: doc.steps, frameWidth: Double(doc.video.width), duration: 3, surfaces: doc.surfaces ?? [],
                seed: doc.render?.seed ?? 1, scene: doc.render?.scene ?? .unknown)
            input.check(plan.steps.allSatisfy { $0.gain.isFinite && $0.pan.isFinite }, "plan with non-finite gain/pan")
            guard let requests = try? plan.soundRequests(), input.iteration % 10 == 0 else { return }
            do {
                let sounds = requests.map(MockBackend.sound(for:))
                let mixed = try Mixer(settings: MixSettings(dry: true)).render(plan: plan, sounds: sounds)
                let samples = try mixed.mix.loadAll().channels
                input.check(samples.allSatisfy { $0.allSatisfy(\.isFinite) }, "the mix has non-finite samples")
            } catch {
                if let problem = Fuzzer.userFacing(error) { input.fail("mixing: \(problem): \(error)") }
            }
        }
    }
}
