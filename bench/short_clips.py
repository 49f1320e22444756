#!/usr/bin/env python3
"""2-second cuts of the CMU straight walks seen from behind (150/180/210°, 100 px, 30 fps, noise `measured`),
scored at ±50 ms: the game-clip / follow-cam case. Frames come from `mocap-sweep --dump`; each cut gets a grey
dummy video so that `footfall steps` can run on it.

Usage: python3 bench/short_clips.py FOOTFALL_BIN [MOCAP_SWEEP_BIN] [-- extra dump options, e.g. --track 0.3 --no-camera]
"""
import json, subprocess, sys, os, tempfile
args = sys.argv[1:]
extra = args[args.index('--') + 1:] if '--' in args else []
args = args[:args.index('--')] if '--' in args else args
ff = args[0]
sweep = args[1] if len(args) > 1 else '.build-sim/release/mocap-sweep'
work = tempfile.mkdtemp(prefix='short-clips-')
clips="05_01 06_01 07_03 07_06 07_07 07_08 08_03 02_01 07_04 08_04 08_11".split()
tot=[0,0,0]
for az in (150,180,210):
  for c in clips:
    d=os.path.join(work, f"{c}_{az}")
    subprocess.run([sweep,'--dump',f'cmu_{c}','--output',d+'.json','--azimuth',str(az),'--height','100','--fps','30','--noise','measured']+extra,capture_output=True)
    m=json.load(open(d+'.json'))[0]
    fr=[f for f in m['frames'] if 0.8<=f['time']<=2.8]
    t0=fr[0]['time']
    for f in fr: f['time']-=t0
    for i,f in enumerate(fr): f['frame']=i
    truth=[t-t0 for t in m['truth'] if 0.8+0.15<=t<=2.8-0.15]
    w,h=m['width'],m['height']; dur=fr[-1]['time']+0.05
    if not os.path.exists(d+'.mp4'):
        subprocess.run(['ffmpeg','-loglevel','error','-y','-f','lavfi','-i',f'color=c=gray:s={w}x{h}:r=30:d={dur}','-c:v','libx264','-pix_fmt','yuv420p',d+'.mp4'],check=True)
    json.dump({'frames':fr,'video':{'path':d+'.mp4','coded_width':w,'coded_height':h,'frame_rate':30,'duration':dur,'rotation':0,'variable_frame_rate':False,'frame_count':len(fr),'container':'mp4','video_codec':'h264','audio_streams':[]}},open(d+'.pose.json','w'))
    out=subprocess.run([ff,'steps',d+'.mp4','--pose',d+'.pose.json','--format','json','--quiet','--force','-o',d+'.steps.json'],capture_output=True,text=True)
    steps=[s['time'] for s in json.load(open(d+'.steps.json'))['steps']]
    hit=sum(1 for t in truth if any(abs(s-t)<=0.05 for s in steps))
    false=sum(1 for s in steps if 0.15<=s<=dur-0.15 and not any(abs(s-t)<=0.05 for t in m['truth']+[]) and not any(abs(s-(t-t0))<=0.05 for t in m['truth']))
    tot[0]+=hit; tot[1]+=len(truth)-hit; tot[2]+=false
    print(az,c,'truth',[round(t,2) for t in truth],'found',[round(s,2) for s in steps])
h,mi,fa=tot; print('hits',h,'misses',mi,'false',fa,'F1 %.2f'%(2*h/(2*h+mi+fa)))
